"""Press kits: an event's press release (or media advisory) and every related document, in
every locale, as DOCX and PDF, zipped, with a manifest; parallel and incremental.

:mod:`draftkit.presskit.plan` decides what a kit holds and which outputs are out of date
(a cache key per output); :mod:`draftkit.presskit.kit` renders what is, in worker
processes, and publishes files, zips and ``manifest.json`` atomically.
"""
