// Metrics: Discussion -> numbers, drift, graphs.
