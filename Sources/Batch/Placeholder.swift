// Batch: the nightly run.
