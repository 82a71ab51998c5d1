"""Operations: `manage.py backup` and `manage.py restore`. An entry point like the faces: it knows
every app's tables and files, so it sits above them all and nothing imports it."""
