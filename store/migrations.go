package store

// migrations is the schema's history, oldest first. Append new migrations
// here, one line each, defined in their own file (see the package comment).
var migrations = []Migration{
	m001Highlights,
	m002Feeds,
	m003Times,
	m004Index,
	m005Positions,
	m006Starred,
	m007Corrections,
	m008Roles,
	m009Watchlist,
	m010ListOrder,
}

// Latest is the schema version this newsmark writes.
func Latest() int { return len(migrations) }
