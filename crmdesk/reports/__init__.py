"""ReportLab documents. They take plain data gathered by the services and run in workers."""
