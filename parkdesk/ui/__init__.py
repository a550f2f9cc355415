"""Everything Qt: a thin layer over the Qt-free core."""
