"""softmax-lab components: the math, the session state and one file per view."""
