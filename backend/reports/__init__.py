"""Reports: attendance sheets, volunteer hours and their CSV, XLSX and PDF files."""
