"""The city bureau's view: the 1234 goals at a glance."""
