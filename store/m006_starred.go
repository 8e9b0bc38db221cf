package store

// m006Starred marks the feed items the reader starred. A star belongs to
// the article (every row with its article_id carries it, as read does), and
// a starred item is never pruned by retention nor removed with its feed.
var m006Starred = Migration{Version: 6, Name: "starred feed items", SQL: `
ALTER TABLE feed_items ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
CREATE INDEX feed_items_starred ON feed_items(article_id) WHERE starred;
`}
