"""A park's reported years, read back for counting and comparing; below review/, city/ and pdf/, which all read it.

    park_year.load_park_years(session, year)          the park-year rows roll-ups and the city count
    recognition.standings / starting_levels           the category and level a park held in a year (动态认定)
    year_over_year.compare_years(session, report_id)  one park's year against its previous one
    yoy_enterprises.compare_enterprises(...)          the enterprise list's joins, leaves and changes
"""
