/** Site settings as the app uses them; the database row (id = 1) overrides these defaults. */
export interface SiteSettings {
  siteTitle: string;
  siteDescription: string;
  commentsPerPage: number;
  threadDepth: number;
  commentOrder: "oldest" | "newest" | "likes";
  editWindowMinutes: number;
  floodPerMinute: number;
  floodPerHour: number;
  likesPerMinute: number;
  likesPerHour: number;
  holdLinkCount: number;
  holdWords: string;
  blockWords: string;
  autoCloseEnabled: boolean;
  autoCloseDays: number;
  gravatarEnabled: boolean;
  trustProxy: boolean;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  siteTitle: "Hearth",
  siteDescription: "Essays and the conversations under them.",
  commentsPerPage: 50,
  threadDepth: 5,
  commentOrder: "oldest",
  editWindowMinutes: 15,
  floodPerMinute: 5,
  floodPerHour: 30,
  likesPerMinute: 30,
  likesPerHour: 300,
  holdLinkCount: 3,
  holdWords: "",
  blockWords: "",
  autoCloseEnabled: false,
  autoCloseDays: 30,
  gravatarEnabled: false,
  trustProxy: false,
};
