"""Full-text search over cases: one analysed document per case, SQLite FTS5 or PostgreSQL.

    query.py     the query language: parse the search box into a tree, compile it per backend
    indexer.py   build and store a case's document (called by the domain functions on every write)
    backends.py  the SQL for each database: match, rank, similar cases
    engine.py    what the desk and the API call: filter, rank and order a case queryset
    snippets.py  highlighted, redacted excerpts for result lists
    similar.py   the cases most like a given one
"""
