"""The plan's facts in code (济商务字〔2022〕90号).

Everything here is plain, immutable data that the database seed, the forms,
validation, exports and the GUI read. Keys are stable identifiers stored in
workspaces and packages: never rename or reuse one.
"""
