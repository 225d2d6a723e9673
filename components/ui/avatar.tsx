import { hueOf, initialsOf } from "@/lib/users/avatar";

/**
 * A person's avatar: their uploaded image, or initials drawn inline as SVG — no request ever
 * leaves the server for an avatar.
 */
export function Avatar({ name, image, size = 40 }: { name: string; image?: string | null; size?: number }) {
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- avatars are small local uploads
    return <img src={image} alt="" width={size} height={size} className="shrink-0 rounded-full object-cover" />;
  }
  const hue = hueOf(name);
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      className="shrink-0 rounded-full"
      style={{ backgroundColor: `hsl(${hue} 45% 42%)` }}
    >
      {/* Drawn by the .avatar-initials rule (app/globals.css): pages repeat it for every comment. */}
      <text x="50%" y="50%" dy="0.35em" className="avatar-initials">
        {initialsOf(name)}
      </text>
    </svg>
  );
}
