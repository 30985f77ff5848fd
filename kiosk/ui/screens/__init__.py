"""One module per screen; the shell creates them and moves between them with go_to()."""
