// Real storage faults for the fault tests (Vitest and Playwright): a database file made
// unwritable at the OS level (`chattr +i`, which makes writes even through already-open file
// descriptors fail on ext4), and a full disk (a small tmpfs filled with a filler file). Both
// need root (CAP_LINUX_IMMUTABLE, CAP_SYS_ADMIN), which the CI machines have: when either is
// refused the test fails with a message that says so — it is never skipped.
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

function run(command: string, args: string[], what: string): void {
  try {
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `${what} failed: \`${command} ${args.join(" ")}\`: ${stderr || (error as Error).message}. ` +
        "The storage fault tests need root with CAP_LINUX_IMMUTABLE and CAP_SYS_ADMIN (chattr on ext4, mount -t tmpfs), as on the CI machines.",
    );
  }
}

/** The database file and its WAL: what a write touches. */
export function databaseFiles(file: string): string[] {
  return [file, `${file}-wal`].filter((f) => existsSync(f));
}

/**
 * Makes `files` immutable (`chattr +i`): every write to them fails, even through a descriptor
 * opened earlier, until `release()` (`chattr -i`). Reading still works.
 */
export function makeImmutable(files: string[]): { release: () => void } {
  run("chattr", ["+i", ...files], "Making the database read-only");
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      run("chattr", ["-i", ...files], "Making the database writable again");
    },
  };
}

/** A small tmpfs mounted at `dir` (created if needed): a disk that can be filled. */
export function mountTmpfs(dir: string, sizeKb: number): { unmount: () => void } {
  mkdirSync(dir, { recursive: true });
  run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", dir], "Mounting a small tmpfs");
  let mounted = true;
  return {
    unmount() {
      if (!mounted) return;
      mounted = false;
      // Lazily: a server killed by a failing test may still hold files there for a moment.
      run("umount", ["-l", dir], "Unmounting the tmpfs");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills the file system that holds `dir` to the last byte with a filler file; `free()` deletes
 * it. Returns how many bytes it took.
 */
export function fillDisk(dir: string): { bytes: number; free: () => void } {
  const filler = path.join(dir, "filler");
  const fd = openSync(filler, "w");
  let bytes = 0;
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512]) {
      const chunk = Buffer.alloc(size, 0x2e);
      for (;;) {
        try {
          bytes += writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, free: () => rmSync(filler, { force: true }) };
}
