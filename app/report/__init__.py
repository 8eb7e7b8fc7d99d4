"""The pilot's evaluation report ("Bilan"), without Qt.

Both sides feed one pure function: the worker's vault (``worker.load``) and La
Piaule's store of imported bundle records (``coordination.load``) each turn their
data into the plain rows of ``rows.ReportInput``; ``aggregate.compute`` makes the
figures from those rows; ``export`` writes CSV and XLSX; a PDF renderer is
registered by the GUI layer in ``renderers``.
"""
