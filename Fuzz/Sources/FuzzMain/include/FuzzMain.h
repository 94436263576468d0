/* Nothing to import: FuzzMain only supplies the entry point of FuzzPage. */
