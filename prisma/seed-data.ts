// Demo content for Hearth: users, essays and comments used by the seed script.
// Plain data only (no imports), so it can be read by the seed, tests and tooling alike.

export type SeedRole = "READER" | "AUTHOR" | "ADMIN";

export interface SeedUser {
  key: string;
  name: string;
  email: string;
  handle: string;
  role: SeedRole;
  bio: string;
}

export interface SeedPost {
  slug: string;
  title: string;
  authorKey: string;
  /** Tag display names, e.g. "Writing", "Slow Living". */
  tags: string[];
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** 1-2 sentences, at most 240 characters. */
  excerpt: string;
  /** GitHub-flavoured Markdown; the title is not repeated as an H1. */
  bodyMarkdown: string;
}

export interface SeedComment {
  key: string;
  postSlug: string;
  /** A SeedUser key, or ... */
  authorKey?: string;
  /** ... a guest commenter. */
  guest?: { name: string; email: string; url?: string };
  /** Key of the comment this replies to (same post, earlier in the array). */
  parentKey?: string;
  /** Markdown: emphasis, links, inline code, quotes and lists only. */
  body: string;
  /** Strictly increasing along any reply chain. */
  minutesAfterPublish: number;
  /** SeedUser keys; never the comment's own author. */
  likedBy: string[];
}

export const DEMO_PASSWORD = "hearth-demo-2026";

export const users: SeedUser[] = [
  {
    key: "admin",
    name: "Iris Calloway",
    email: "admin@hearth.test",
    handle: "admin",
    role: "ADMIN",
    bio: "Looks after Hearth and reads more slowly every year. Keeps a commonplace notebook and a very small, very stubborn garden.",
  },
  {
    key: "author",
    name: "Tomas Ferreira",
    email: "author@hearth.test",
    handle: "tomas-ferreira",
    role: "AUTHOR",
    bio: "Writes personal essays about family, food and the furniture that outlives us. Lives in a flat with a table that is too big for it.",
  },
  {
    key: "author2",
    name: "Nadia Lindqvist",
    email: "author2@hearth.test",
    handle: "nadia-lindqvist",
    role: "AUTHOR",
    bio: "Has kept the same personal website since 2016 and still walks the city before the sun is up. Writes about the web, habits and small repairs.",
  },
  {
    key: "reader",
    name: "Sam Whitlow",
    email: "reader@hearth.test",
    handle: "sam-whitlow",
    role: "READER",
    bio: "Reader, letter-writer, occasional commenter. Collects good stationery and is too nervous to use it.",
  },
  {
    key: "priya",
    name: "Priya Raman",
    email: "priya@hearth.test",
    handle: "priya-raman",
    role: "READER",
    bio: "Secondary-school English teacher who argues for a living and reads for pleasure.",
  },
  {
    key: "jonah",
    name: "Jonah Bell",
    email: "jonah@hearth.test",
    handle: "jonah-bell",
    role: "READER",
    bio: "Software developer and reluctant gardener. Quiet at dinner, less quiet in comment sections.",
  },
  {
    key: "amara",
    name: "Amara Osei",
    email: "amara@hearth.test",
    handle: "amara-osei",
    role: "READER",
    bio: "Librarian with a soft spot for local newspapers and the people who write their obituaries.",
  },
  {
    key: "lucia",
    name: "Lucía Ortega",
    email: "lucia@hearth.test",
    handle: "lucia-ortega",
    role: "READER",
    bio: "Translator who reads in three languages and underlines in all of them.",
  },
  {
    key: "declan",
    name: "Declan Murray",
    email: "declan@hearth.test",
    handle: "declan-murray",
    role: "READER",
    bio: "Former debate coach, now a mediator. Suspects most disagreements are two people describing different rooms of the same house.",
  },
];

const kitchenTableBody = `Our kitchen table was made of oak and was always slightly too big for the room. To get from the stove to the back door you had to turn sideways and apologise to whoever was sitting in the corner chair, which for most of my childhood was my grandmother, who accepted apologies the way a toll booth accepts coins: without looking up.

I have been thinking about that table a great deal this year, since my parents sold the house and the table came to live with me in a flat where it is, once again, slightly too big for the room. It seems to be a talent it has. This essay is an attempt to write down what happened at it before the memories get sanded smooth.

## The table itself

It had four legs, one of them shorter than the others by the thickness of a matchbook. We knew this because there was always a matchbook folded under it, and every few months somebody would kick it loose while stretching, and the whole table would lurch toward the window like a boat catching a wave. My father would get down on his knees, refold the matchbook, and slide it back into place with the solemnity of a man setting a bone. Nobody ever suggested fixing the leg. I think the wobble had become part of the table's personality, and you do not sand down a personality.

Near the middle there was a burn mark from a pan of roasted chestnuts my mother set down one winter without a trivet. It was roughly the shape of Portugal, which is where she grew up, and she claimed she had done it on purpose. For years I believed her. I still half believe her.

The surface kept a faint record of everything that happened on it. If you tilted your head and caught the light from the window you could read the imprint of my sister's long division, pressed through a too-thin sheet of paper in 1998, and a ring from a coffee cup that nobody would admit to. My grandmother used to run her palm over these marks the way some people read braille.

## Arguments as a form of love

We argued at that table. Not the hot, door-slamming kind of arguing, though there was some of that, but the long evening kind, where a question would be set down in the middle of the table next to the bread and everyone would take turns picking at it.

Was it right to lie to protect a friend? Should the town build the new bypass? Was a tomato a fruit, and if so, did that make ketchup a jam? My father had one rule, which he repeated so often it became a kind of family motto: *you can leave the table, but you cannot leave the argument.* What he meant, I think, was that you were allowed to be tired, or to need the bathroom, or to go and cry in your room, but you were not allowed to pretend the question had gone away. It would be waiting for you when you came back, sitting there next to the salt.

As a child I found this exhausting. As an adult I miss it badly. Most of the conversations I have now end the moment they become uncomfortable. Someone changes the subject; someone checks their phone. At our table, discomfort was where the interesting part started. My mother would lean back, fold her arms and say, "Well, now we are getting somewhere," and we knew we were in for another hour.

What I did not understand until much later is that the arguing was a way of paying attention to each other. You cannot disagree with someone properly unless you have listened to them. My father would restate my position back to me, better than I had put it, before taking it apart. It was infuriating, and it was also the most respectful thing an adult had ever done for me.

## The letter drawer

Under the tabletop, on my mother's side, there was a shallow drawer that stuck in damp weather. It held stamps, rubber bands, a ledger of household expenses kept in pencil, and a stack of blue airmail paper so thin you could see the grain of the wood through it.

My mother wrote to her sister in Porto every Sunday evening for thirty-one years. She wrote a first draft in pencil on the back of an old envelope, then copied it out in ink on the blue paper, which folded up to become its own envelope. I used to sit across from her doing my homework and watch her lips move as she wrote. She read every sentence to herself under her breath before committing it to ink, as though weighing it.

Sometimes she would read a line out loud and ask my opinion. "Is it too much to say that the garden is disappointing me?" I was nine. I had no opinion about the garden. But I learned from those Sunday evenings that a sentence is something you can turn over in your hands, that there is a difference between what you mean and what you first write, and that the difference is worth an evening.

When my aunt died, her children sent back a shoebox of those letters. They sit, now, in that same drawer, which still sticks in damp weather.

## Reading in company

My grandmother read the newspaper aloud every morning, whether or not anyone was listening. She started with the obituaries, which she called "the arrivals board," and worked her way backwards to the front page, so that by the time she reached the headlines she had already been reminded of what mattered. I did not appreciate the philosophy at the time. I appreciate it more every year.

The rest of us read at the table too, usually in silence, usually together. There is a particular kind of company that comes from four people reading four different books in the same pool of lamplight. Nobody is talking, and yet it is not the same as being alone. Every so often someone would laugh, or sigh, or read a sentence out loud because it was too good to keep, and the rest of us would look up, nod, and go back in.

## Where the table is now

The table is in my flat now. It is too big, as I said. The matchbook has been replaced by a folded square of cork, which I suspect my father would consider a betrayal. The burn mark is still shaped like Portugal.

I do not argue at it as much as I would like to. I live alone, mostly, and it is hard to argue properly with a radio. But on Sunday evenings I sometimes take out a sheet of blue airmail paper, which you can still buy if you look hard enough, and write a letter to someone. I draft it in pencil first. I read each sentence under my breath before I commit it to ink.

Then I sit for a while with my palm flat on the wood, feeling for the traces of old homework, and I try to remember what we were all arguing about. Mostly I cannot. What I remember is that we stayed.
`;

const personalWebsiteBody = `Ten years ago this spring I bought a domain name on a whim, late at night, for less than the price of a sandwich. I put a single page on it with my name, an email address and a paragraph that began "This is where I will be writing things." I was not, at that time, writing anything. The page sat there alone for four months before I published a second one.

That site is still running. It has been rebuilt three times, moved between four hosts, and survived one memorable night when I deleted the entire production directory while trying to tidy up. It now holds a little over three hundred pieces of writing, most of them short, a few of them things I am still proud of. What follows is less a tutorial than a list of what a decade taught me, some of it the hard way.

## Boring is a feature

The first version of the site was built on whatever was fashionable that month. I spent more evenings upgrading dependencies than writing. By year three I had learned the lesson every long-running project eventually teaches: the tools you choose will outlive your enthusiasm for them, so choose tools that do not need your enthusiasm.

Today the whole thing is Markdown files in a folder, a build script I can read in one sitting, and a directory of plain HTML that any web server can serve. When I come back after three months of not writing, nothing has broken, because there is almost nothing to break.

This is roughly the table I wish someone had shown me in year one:

| Year | Setup | Evenings spent on tooling | Pieces published |
| ---- | ----- | ------------------------: | ---------------: |
| 2016 | Framework of the month | ~40 | 6 |
| 2018 | Static generator with plugins | ~25 | 31 |
| 2021 | Hand-rolled build script | ~10 | 48 |
| 2025 | Same script, fewer features | ~2 | 57 |

The numbers are approximate, and I am sure I am flattering myself in places, but the shape is honest. The less time the machinery asked of me, the more I wrote.

## URLs are promises

The most important decision I made, and I made it by accident, was to keep my URLs stable. Every piece has lived at \`/notes/some-slug/\` since 2018. When I changed the structure before that, I broke dozens of links from other people's pages, and I still occasionally find an old forum thread pointing at a dead address with my name on it. It feels like leaving a door locked on a friend.

Now, when I rename something, the old address gets a permanent redirect. The redirects live in a small map that the build script reads:

\`\`\`ts
// redirects.ts: old path -> new path, checked on every build
export const redirects: Record<string, string> = {
  "/blog/hello-world/": "/notes/hello-world/",
  "/notes/on-gardens/": "/notes/the-disappointing-garden/",
};

export function resolve(path: string): string {
  const seen = new Set<string>();
  let current = path;
  let next = redirects[current];
  while (next !== undefined && !seen.has(current)) {
    seen.add(current);
    current = next;
    next = redirects[current];
  }
  return current;
}
\`\`\`

The \`seen\` set exists because I once created a redirect cycle and spent an evening wondering why a page loaded forever. Every bug on a personal site is an anecdote waiting to happen.

## Backups you have actually restored

For years I had "backups," in the sense that a copy of the site existed on a second disk somewhere. I discovered, on the night I deleted production, that I had never once tried to restore from them, and that the copy was eleven months old.

Now the whole site lives in version control, and a tiny script copies the source and the built output to two other places every Sunday:

\`\`\`bash
#!/usr/bin/env bash
set -euo pipefail

stamp=$(date +%Y-%m-%d)
archive="/tmp/site-$stamp.tar.gz"

tar -czf "$archive" content/ build.ts public/
rsync -a "$archive" backup-host:/archive/site/
cp "$archive" /mnt/offline-disk/site/
echo "backed up $archive"
\`\`\`

More important than the script is the ritual that goes with it. Twice a year I pick an archive at random, unpack it on a different machine and build the site from scratch. It takes twenty minutes. They are the most reassuring twenty minutes of my year.

## Writing for the archive, not the feed

The last lesson is not technical at all. When I started, I wrote for whoever might be reading that week. I chased topics, watched numbers, and felt deflated when a post went nowhere. Somewhere around year five I noticed that the pieces people still wrote to me about were never the timely ones. They were the slow, odd, specific ones: a note about repairing a kitchen chair, a list of words my grandmother used that I could not find in any dictionary.

A personal website is not a feed. It is closer to a house that other people can wander through. The rooms accumulate. Someone arrives through a side door, from a link on a page you have never seen, and reads something you wrote six years ago as though it were new. For them, it is.

So now I write for that person, the one who turns up in 2031 with no idea what was happening this week. It has made my writing calmer and, I think, a little better.

## What I would tell myself in 2016

Keep the URLs. Keep the files plain. Restore a backup before you need one. Publish the second page sooner. And do not worry so much about the design: nobody who matters will remember what colour the headings were. They will remember the chair.
`;

const readingSlowlyBody = `For most of my adult life I read the way some people eat standing at the kitchen counter: quickly, efficiently and without much memory of the meal. I finished a lot of books. I could tell you, at dinner, that I had read them. If you had asked me what the third chapter was about, I would have changed the subject.

A few years ago I started reading with a pencil in my hand and a cheap notebook open beside me, and something in the way I read changed. This is an account of that change and a few of the habits that grew out of it. None of them is original. Most of them are very old. That is rather the point.

## The pencil as a speed bump

The pencil was not meant to be a method. It was meant to stop me skimming. I had noticed that my eyes would run down a page while my mind was elsewhere, and by the time I reached the bottom I had absorbed nothing but the shape of the paragraphs. A pencil gives your hand something to do, and a hand that is waiting to underline something keeps the mind honest. You cannot underline what you did not notice.

At first I underlined too much. Whole paragraphs went grey with graphite. Then, slowly, I learned to wait: to read a passage through, let it settle, and only then go back and mark the sentence that was carrying the weight. That pause, between reading and marking, turned out to be where most of the understanding happened.

## The commonplace notebook

The notebook came next. The idea is ancient: people have kept commonplace books for centuries, copying out passages that struck them, adding a line of their own underneath, building a private anthology over a lifetime.[^1] Mine is less grand. It is a squared-paper notebook that costs less than a coffee, and the rules are simple:

- [x] Copy the passage out by hand, word for word, with the page number.
- [x] Write one sentence of my own underneath, even if it is only "I don't know why I like this."
- [x] Date the entry.
- [ ] Reread the whole notebook once a season. (I am behind.)
- [ ] Stop buying a new notebook before the old one is full.

Copying by hand is slow, and the slowness is the whole value. When you copy a sentence you cannot skate over its commas. You notice that the writer chose "grey" where you would have chosen "dull," and you start to wonder why. A passage I have copied out is a passage I remember, in a way that no highlighted snippet on a screen has ever stayed with me.

Here is one I copied last winter from an old gardening manual, which I have reread more times than I can count:

> The gardener who hurries the spring gets nothing for it but frostbitten seedlings. You cannot make the soil warm by wanting it; you can only be ready when it is.

I have no idea whether the author meant it as anything more than advice about tomatoes. I have chosen to take it personally.

## What I stopped doing

Reading slowly meant giving things up. I used to keep a yearly target, a number of books I promised myself I would finish by December: ~~fifty-two books, one a week~~. I dropped it once I realised it rewarded exactly the wrong behaviour: choosing short books, abandoning hard ones, racing through the last fifty pages of something just to move it onto the finished pile.

I also stopped reading on my phone in bed, not out of virtue but because I kept waking up with no memory of what I had read and a vague sense of having been lectured by a stranger. Paper books in bed, phone in the other room. I am not evangelical about it. It simply works for me.

And I stopped finishing books I was not enjoying. This was the hardest habit to break. There is a small, stubborn voice that says a book abandoned is a failure. It is not. It is a decision, and a book I put down on page ninety frees up time for one I will read twice.

## What slow reading gives back

The unexpected gift is that books began to talk to each other. A sentence I copied in March from a novel would turn up again, in a different shape, in an essay about bridges I read in June. The notebook makes these echoes visible. Flipping back through it is like overhearing a conversation between writers who never met.

It has also made me a better listener, I think, in ordinary life. The habit of waiting before marking, of letting a sentence settle before deciding what it means, carries over. I interrupt people less. I ask them to say that again.

If you would like to try it, you need very little: a pencil, a notebook and a book you are in no hurry to finish. I keep a short list of the notebooks and pencils I have liked over the years at https://example.org/notebooks, but honestly, any of them will do. The method is not in the stationery. It is in the pause.

[^1]: The habit goes back at least to the Renaissance, when students were taught to gather quotations under headings, or "commonplaces," for later use. My notebook has no headings; it is simply in the order things happened to me.
`;

const cityBeforeSixBody = `There is a version of the city that exists only between about half past four and six in the morning, and most of the people who live here have never met it. I met it by accident, during a year when a new baby and a broken sleep schedule had me awake at hours I used to think of as theoretical. I kept walking at dawn long after the baby learned to sleep. This is what I found.

## The sound comes first

### Before the light

The first thing you notice is not what you see but what you hear. A city at dawn is not silent; it is quiet in a particular, textured way. You hear a single car two streets away, the whole length of its journey. You hear a shop shutter going up with a long metallic yawn. You hear birds, far more of them than you expected, arguing in the plane trees as though they have been waiting all night to finish a conversation.

Without the daytime roar, sounds get their edges back. I began to recognise individual buses by the squeal of their brakes. There is one on the number 12 route whose doors sigh like a disappointed aunt.

### The first light

Then the light arrives, and it arrives from the wrong direction. Because you know the city at noon, with light pouring down from above, the low sideways light of dawn makes familiar streets look like stage sets. Brick turns orange. Windows on the upper floors catch fire one after another, as if someone were walking along the rooftops with a match.

## The people who are already up

### The night shift, going home

You are never alone. The dawn city belongs to a small, loosely connected population who nod at each other with the quiet solidarity of people who are all up too early. There are the nurses coming off the night shift, walking slowly, still in their soft shoes. There are the bakers, who have been up for hours and look at you with a mixture of pity and pride. And there are the street cleaners, whom I came to think of as the city's real editors, quietly removing yesterday's mistakes before anyone can read them.

### The regulars

After a few weeks I had regulars. A man in a green coat who walked an elderly dachshund around the same square at precisely a quarter past five. A woman who did tai chi on the steps of the closed library. A newsagent who started putting my paper aside once he realised I would be back. None of us ever exchanged names. We did not need to. We were colleagues in the business of being awake.

## What the city shows you

### Its bones

In daylight a city is mostly surfaces: signs, crowds, traffic, shop windows. At dawn you see its structure. You notice which streets are old and which were cut through later, because the old ones curve and the new ones do not. You notice the drainage channels, the iron boot scrapers outside the terraced houses, the faded painted signs for businesses that closed before your parents were born.

### Its intentions

You also see what the city is getting ready to be. Delivery vans unload crates of lettuce outside restaurants that will not open for six hours. Café owners chalk the day's specials onto boards. Someone, somewhere, is always hosing down a pavement. It is like walking through a theatre during rehearsal, when the scenery is half built and the actors are drinking tea in their coats.

## Why I kept going

I kept walking at dawn because it gave me a version of the day that nobody else had claimed yet. By the time my inbox woke up, I had already seen something: a fox trotting down the middle of the high street as though it owned the lease, or the river lying perfectly still under a sky the colour of weak tea.

There is a kind of confidence that comes from having been somewhere first, and the rest of the day cannot quite take it from you. When a meeting goes badly at eleven, some part of me remembers the woman on the library steps and the bakers carrying their trays, and I think: the city was already full of people doing careful work before any of this started. It will be again tomorrow.

If you want to try it, you do not need a plan. Set an alarm for an unreasonable hour, put on a coat and walk toward whichever part of the sky is getting lighter. Leave your headphones at home. The city has been saying something at that hour for a very long time, and it is worth hearing at least once.
`;

export const posts: SeedPost[] = [
  {
    slug: "the-kitchen-table-years",
    title: "The Kitchen Table Years",
    authorKey: "author",
    tags: ["Memoir", "Family", "Writing"],
    publishedAt: "2026-03-14T09:30:00.000Z",
    excerpt:
      "Our oak table was always too big for the room. A family argued, read and wrote letters around it for thirty years; this is an attempt to set down what happened there before the memories get sanded smooth.",
    bodyMarkdown: kitchenTableBody,
  },
  {
    slug: "ten-years-of-a-personal-website",
    title: "Ten Years of a Personal Website",
    authorKey: "author2",
    tags: ["The Web", "Craft"],
    publishedAt: "2026-05-22T07:15:00.000Z",
    excerpt:
      "Three rebuilds, four hosts and one deleted production directory later: what a decade of keeping a personal website taught me about boring tools, stable URLs and backups you have actually restored.",
    bodyMarkdown: personalWebsiteBody,
  },
  {
    slug: "reading-slowly-with-a-pencil",
    title: "Reading Slowly, With a Pencil",
    authorKey: "admin",
    tags: ["Reading", "Writing", "Slow Living"],
    publishedAt: "2026-08-03T18:00:00.000Z",
    excerpt:
      "A pencil, a cheap notebook and a book you are in no hurry to finish: notes on what changed when I stopped reading to finish and started reading to remember.",
    bodyMarkdown: readingSlowlyBody,
  },
  {
    slug: "the-city-before-six",
    title: "The City Before Six",
    authorKey: "author2",
    tags: ["Cities", "Slow Living"],
    publishedAt: "2026-10-11T06:05:00.000Z",
    excerpt:
      "Between half past four and six in the morning the city is a different place, with its own sounds, its own regulars and its bones showing. Notes from a year of walking at dawn.",
    bodyMarkdown: cityBeforeSixBody,
  },
];

const margarida = { name: "Margarida Sousa", email: "margarida.sousa@example.org" };
const ben = {
  name: "Ben Achterberg",
  email: "ben@example.net",
  url: "https://example.net/ben",
};
const hollis = { name: "Hollis Grant", email: "hollis.grant@example.com" };
const teodor = { name: "Teodor Vlad", email: "teodor@example.com" };

export const comments: SeedComment[] = [
  // ---------------------------------------------------------------------------
  // "The Kitchen Table Years": 30 comments, threads up to depth 3.
  // ---------------------------------------------------------------------------
  {
    key: "c1",
    postSlug: "the-kitchen-table-years",
    authorKey: "priya",
    body: `> you can leave the table, but you cannot leave the argument

I've read this line four times now. We had the opposite rule growing up: the moment things got tense, someone said "not at dinner" and that was the end of it. I think I've spent most of my adult life learning how to stay in a conversation my family taught me to leave.`,
    minutesAfterPublish: 42,
    likedBy: ["author", "reader", "amara", "declan", "lucia"],
  },
  {
    key: "c2",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c1",
    body: `Thank you, Priya. I suspect "not at dinner" is the more common rule, and honestly a lot of dinners are improved by it. But you're right that it teaches something. My father's version had a cost too: we were late for everything, and my sister still can't eat a meal without bracing for a debate.`,
    minutesAfterPublish: 95,
    likedBy: ["priya", "jonah"],
  },
  {
    key: "c3",
    postSlug: "the-kitchen-table-years",
    authorKey: "priya",
    parentKey: "c2",
    body: `Ha, that's fair, every rule comes with a bill attached. Did your sister ever push back on it when you were kids? I'm curious whether anyone was allowed to say *I don't want to argue about this at all.*`,
    minutesAfterPublish: 130,
    likedBy: [],
  },
  {
    key: "c4",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c3",
    body: `She did, once, at about fourteen, and it became the longest argument we ever had: whether you were allowed to opt out of arguing. My father eventually conceded that you could *postpone* a question but not delete it. She still calls that the Treaty of the Kitchen.`,
    minutesAfterPublish: 210,
    likedBy: ["priya"],
  },
  {
    key: "c5",
    postSlug: "the-kitchen-table-years",
    authorKey: "jonah",
    parentKey: "c1",
    body: `I want to gently add the other side. At our table the arguing wasn't a form of love, it was a form of winning, and the quiet kids learned to be very quiet. What makes the difference in this essay is the detail about the father restating the position *better than I had put it* before taking it apart. That's the part that turns it from sport into respect.`,
    minutesAfterPublish: 160,
    likedBy: ["declan", "amara"],
  },
  {
    key: "c6",
    postSlug: "the-kitchen-table-years",
    authorKey: "priya",
    parentKey: "c5",
    body: `Yes, this is the distinction I was fumbling for. The rule only works if the person enforcing it is also the one most willing to be wrong.`,
    minutesAfterPublish: 240,
    likedBy: [],
  },
  {
    key: "c7",
    postSlug: "the-kitchen-table-years",
    guest: margarida,
    body: `I grew up in Porto, and my aunt received letters like these for decades from my mother's cousin in Canada, on that same blue paper that folds up into its own envelope. We kept them in a biscuit tin. Reading about your mother drafting in pencil on the back of an envelope first made me cry a little at my desk. She was doing what writers do; nobody just called her one.`,
    minutesAfterPublish: 300,
    likedBy: ["author", "priya", "lucia", "admin", "amara"],
  },
  {
    key: "c8",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c7",
    body: `Margarida, this is exactly it. She would have laughed at being called a writer, but thirty-one years of weekly drafts is a body of work by any measure. I'd love to know what became of your biscuit tin, if you don't mind saying.`,
    minutesAfterPublish: 345,
    likedBy: [],
  },
  {
    key: "c9",
    postSlug: "the-kitchen-table-years",
    guest: margarida,
    parentKey: "c8",
    body: `It's with me now, in a cupboard in Lisbon. I read one letter every New Year's Day. Most of them are about weather and prices, and then suddenly, in the middle, there is one sentence about loneliness that knocks the wind out of you. I suspect your mother's letters are the same.`,
    minutesAfterPublish: 410,
    likedBy: ["author"],
  },
  {
    key: "c10",
    postSlug: "the-kitchen-table-years",
    authorKey: "lucia",
    parentKey: "c9",
    body: `*Most of them are about weather and prices, and then suddenly one sentence about loneliness.* That describes my grandfather's letters home almost exactly. I've started to wonder whether the ordinary paragraphs were what made the one true sentence possible to write.`,
    minutesAfterPublish: 480,
    likedBy: [],
  },
  {
    key: "c11",
    postSlug: "the-kitchen-table-years",
    authorKey: "reader",
    body: `The burn mark shaped like Portugal is the best detail in the whole piece. I'm firmly on your mother's side: she absolutely did it on purpose, and the fact that she never fully explained it is the proof.`,
    minutesAfterPublish: 520,
    likedBy: [],
  },
  {
    key: "c12",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c11",
    body: `I've polled the surviving family and it's three votes for "on purpose" and one abstention (my father, who was holding the chestnuts at the time). So you're in good company, Sam.`,
    minutesAfterPublish: 600,
    likedBy: ["reader", "lucia"],
  },
  {
    key: "c13",
    postSlug: "the-kitchen-table-years",
    authorKey: "amara",
    body: `Your grandmother calling the obituaries "the arrivals board" is going to stay with me for a long time. Reading the paper back to front, so you meet the people before the headlines, is such a quietly radical way to order a morning. I may try it tomorrow with the local paper.`,
    minutesAfterPublish: 700,
    likedBy: ["author"],
  },
  {
    key: "c14",
    postSlug: "the-kitchen-table-years",
    authorKey: "declan",
    parentKey: "c13",
    body: `I tried it this morning after reading your comment. It really is different. By the time I reached the front page the politics felt smaller, in a good way.`,
    minutesAfterPublish: 760,
    likedBy: [],
  },
  {
    key: "c15",
    postSlug: "the-kitchen-table-years",
    authorKey: "amara",
    parentKey: "c14",
    body: `That's what I hoped, and a little what I feared. I don't want the headlines to feel small forever, but maybe being reminded what they're *for* is the point.`,
    minutesAfterPublish: 830,
    likedBy: [],
  },
  {
    key: "c16",
    postSlug: "the-kitchen-table-years",
    authorKey: "lucia",
    body: `> four people reading four different books in the same pool of lamplight

We had this too, and I never had a name for it. My partner and I still do it on winter evenings and it's the most companionable silence I know. People rarely write about reading as something you do together, which is odd, because for a lot of us it was.`,
    minutesAfterPublish: 900,
    likedBy: ["author2"],
  },
  {
    key: "c17",
    postSlug: "the-kitchen-table-years",
    authorKey: "author2",
    parentKey: "c16",
    body: `Lucía, I think about this a lot. A roomful of people reading is a strange, lovely kind of privacy: everyone elsewhere, together. Tomas, this section made me want to move my desk back into the kitchen.`,
    minutesAfterPublish: 980,
    likedBy: [],
  },
  {
    key: "c18",
    postSlug: "the-kitchen-table-years",
    guest: ben,
    body: `Furniture restorer here, so forgive the professional reflex: when an old oak table has one "short" leg, the culprit is very often the floor, not the leg. If the table sits level in your flat without the cork, your parents' kitchen floor was to blame all along. Either way, please don't let anyone trim the other three legs; I've seen that go badly. I wrote up some notes on [shimming old tables](https://example.net/notes/shimming-old-tables) if you're curious.`,
    minutesAfterPublish: 1100,
    likedBy: ["author", "jonah"],
  },
  {
    key: "c19",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c18",
    body: `Ben, you may have just ruined a family legend. I'll check with a spirit level this weekend. If it turns out the kitchen floor wobbled for thirty years and my father spent all that time kneeling to the wrong thing, I'm not sure I'll tell him.`,
    minutesAfterPublish: 1180,
    likedBy: [],
  },
  {
    key: "c20",
    postSlug: "the-kitchen-table-years",
    guest: ben,
    parentKey: "c19",
    body: `Honestly? Keep the cork whatever the level says. A wobble you know is better than a fix you don't trust, and it sounds like the kneeling was part of the point.`,
    minutesAfterPublish: 1300,
    likedBy: [],
  },
  {
    key: "c21",
    postSlug: "the-kitchen-table-years",
    authorKey: "jonah",
    parentKey: "c20",
    body: `*A wobble you know is better than a fix you don't trust* is also, as far as I can tell, the whole of marriage counselling.`,
    minutesAfterPublish: 1420,
    likedBy: ["reader"],
  },
  {
    key: "c22",
    postSlug: "the-kitchen-table-years",
    authorKey: "declan",
    body: `Restating someone's position better than they put it, before taking it apart, is what people now call steelmanning. I like that the essay never reaches for the word; it was simply how your father argued. I learned it much later, from a debate coach rather than a parent, and wrote a little about that [here](https://example.org/declan/arguing-well).`,
    minutesAfterPublish: 1500,
    likedBy: ["admin", "priya"],
  },
  {
    key: "c23",
    postSlug: "the-kitchen-table-years",
    authorKey: "admin",
    parentKey: "c22",
    body: `Declan, I think the absence of a name is part of why it worked. A technique you name can turn into a trick. A habit you grew up inside is just how you treat people.`,
    minutesAfterPublish: 1580,
    likedBy: [],
  },
  {
    key: "c24",
    postSlug: "the-kitchen-table-years",
    authorKey: "declan",
    parentKey: "c23",
    body: `Agreed. When someone announces "let me steelman you," I brace a little, the same way I do when a salesman starts a sentence with "to be honest."`,
    minutesAfterPublish: 1650,
    likedBy: [],
  },
  {
    key: "c25",
    postSlug: "the-kitchen-table-years",
    guest: hollis,
    body: `I read this aloud to my mother over the phone. She was quiet for a while, then said, "We had a table like that," and told me about it for forty minutes. Thank you for that.`,
    minutesAfterPublish: 1800,
    likedBy: [],
  },
  {
    key: "c26",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c25",
    body: `Hollis, that may be the nicest thing anyone has told me about something I wrote. I hope you write down what she said about her table before it gets sanded smooth.`,
    minutesAfterPublish: 1870,
    likedBy: [],
  },
  {
    key: "c27",
    postSlug: "the-kitchen-table-years",
    authorKey: "admin",
    body: `A note from the Hearth side of things: a few of you have written to ask whether the letters in the drawer might be shared here one day. That's entirely Tomas's call, but if it happens we'll give them a proper home. In the meantime, the Sunday routine described here (*draft in pencil, read each sentence under your breath, then ink*) is the best writing advice I've come across this year.`,
    minutesAfterPublish: 2000,
    likedBy: [],
  },
  {
    key: "c28",
    postSlug: "the-kitchen-table-years",
    authorKey: "reader",
    body: `Practical question: where do you still buy blue airmail paper? Everything I can find is white and heavy, which rather defeats the purpose.`,
    minutesAfterPublish: 2400,
    likedBy: [],
  },
  {
    key: "c29",
    postSlug: "the-kitchen-table-years",
    guest: margarida,
    parentKey: "c28",
    body: `Try an old stationery shop rather than a chain. Mine keeps a few pads under the counter, so you have to ask. A few things to look for:

- anything labelled "onion skin" or "airmail"
- a weight of around 45 gsm
- pads rather than loose sheets, which crease

The shop I use also sends by post: [example.org/papelaria](https://example.org/papelaria).`,
    minutesAfterPublish: 2520,
    likedBy: ["reader"],
  },
  {
    key: "c30",
    postSlug: "the-kitchen-table-years",
    authorKey: "author",
    parentKey: "c28",
    body: `What Margarida said. I found mine in a shop that also repairs fountain pens, which felt appropriate. Fair warning: the paper is so thin that your first few letters will probably tear along the fold. Consider it part of the education.`,
    minutesAfterPublish: 2600,
    likedBy: [],
  },

  // ---------------------------------------------------------------------------
  // A few comments on the other essays.
  // ---------------------------------------------------------------------------
  {
    key: "w1",
    postSlug: "ten-years-of-a-personal-website",
    authorKey: "jonah",
    body: `The redirect cycle made me laugh, because I have that exact bug in my past too, except mine took the whole site down for a weekend before I noticed. One thing I'd add: log every redirect that fires, so you can see which old URLs people are still using years later. Some of mine date from 2017 and still get visits.`,
    minutesAfterPublish: 75,
    likedBy: ["author2", "reader"],
  },
  {
    key: "w2",
    postSlug: "ten-years-of-a-personal-website",
    authorKey: "author2",
    parentKey: "w1",
    body: `That's a lovely idea, and slightly haunting: a list of doors people are still knocking on. Adding it to the build script this weekend, right next to the \`seen\` set.`,
    minutesAfterPublish: 140,
    likedBy: ["jonah"],
  },
  {
    key: "w3",
    postSlug: "ten-years-of-a-personal-website",
    guest: teodor,
    body: `*Twice a year I pick an archive at random, unpack it on a different machine and build the site from scratch.* This should be printed on every hosting invoice. I learned the same lesson from a dead laptop and a backup drive that turned out to be empty.`,
    minutesAfterPublish: 320,
    likedBy: [],
  },
  {
    key: "r1",
    postSlug: "reading-slowly-with-a-pencil",
    authorKey: "lucia",
    body: `The pause between reading and marking is such a precise observation. I've underlined in ink for years and I think that's exactly why I underline everything: ink makes me commit too early. Switching to pencil tonight.`,
    minutesAfterPublish: 90,
    likedBy: ["admin"],
  },
  {
    key: "r2",
    postSlug: "reading-slowly-with-a-pencil",
    authorKey: "admin",
    parentKey: "r1",
    body: `Pencil forgives, which makes you braver about waiting. I'd love to hear how it goes after a few weeks, Lucía.`,
    minutesAfterPublish: 150,
    likedBy: [],
  },
  {
    key: "d1",
    postSlug: "the-city-before-six",
    authorKey: "declan",
    body: `The fox *trotting down the middle of the high street as though it owned the lease* is exactly right; I've met that fox, or at least its cousin. And the street cleaners as the city's real editors is going to change how I see them on my way to work.`,
    minutesAfterPublish: 200,
    likedBy: ["author2", "amara"],
  },
];
