"""Changes to a report as values: applied in one transaction each, undone by their inverse."""
