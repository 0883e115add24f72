"""Reading where people on a patrol are, and recording every such read."""
