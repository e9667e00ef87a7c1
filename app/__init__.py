"""The composition root: wires storage and reports into the domain's services and starts the
window or the command line."""
