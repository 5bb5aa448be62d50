"""ChatonsInfos, both ways: the directory published as properties files, and a profile
prefilled from the properties files a CHATONS member already publishes.

See https://framagit.org/chatons/chatonsinfos (format and keys).
"""
