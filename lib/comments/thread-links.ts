/** Where a thread's links point. */
export interface ThreadLinks {
  /** Base path of this comment page, for permalinks. */
  permalinkBase: string;
  /** The page's URL without viewer parameters. */
  pagePath: string;
  /** Extra query for links that keep the reader's chosen order. */
  orderQuery: string;
}

function withQuery(path: string, query: string, hash: string): string {
  return `${path}${query ? `?${query}` : ""}${hash}`;
}

/** The links of one comment: its anchor, and the no-JavaScript Reply / Edit / Cancel links. */
export function commentLinks(links: ThreadLinks, id: number) {
  const anchor = `comment-${id}`;
  const q = links.orderQuery;
  return {
    anchor,
    permalink: `${links.permalinkBase}#${anchor}`,
    reply: withQuery(links.pagePath, [q, `replyto=${id}`].filter(Boolean).join("&"), "#respond"),
    edit: withQuery(links.pagePath, [q, `edit=${id}`].filter(Boolean).join("&"), `#${anchor}`),
    cancel: withQuery(links.pagePath, q, `#${anchor}`),
  };
}
