"""Reading press releases: text in, proposed facts out (in the data/ format), by rules.

The stages, each a module: `source` (bytes -> lines, markup stripped, language) ->
`dates` and `names` (what a sentence states: dates, organisations; on a French page `model`
adds the French spaCy pipeline's entities as candidates) -> `lists`, `events`,
`relations` (participant lists, events, attendance, membership, mentoring, agreements) ->
`proposal` (the facts file and the review table). `run` ties them together for the CLI.
"""
