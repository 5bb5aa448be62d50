"""How the directory's words translate into ChatonsInfos' and back."""

from django.utils.text import slugify

from directory.models.taxonomy import StructureType

STRUCTURE_TO_CHATONS = {
    StructureType.ASSOCIATION: "ASSOCIATION",
    StructureType.COOPERATIVE: "COOPERATIVE",
    StructureType.COMPANY: "COMPANY",
    StructureType.SOLE_TRADER: "MICROCOMPANY",
    StructureType.COLLECTIVE: "INFORMAL",
}
# INDIVIDUAL is a person hosting for others: closest to a sole trader. OTHER says nothing.
CHATONS_TO_STRUCTURE = {
    **{chatons: structure for structure, chatons in STRUCTURE_TO_CHATONS.items()},
    "INDIVIDUAL": StructureType.SOLE_TRADER,
}

# The link labels a profile shows for the networks ChatonsInfos names in its keys.
NETWORK_LABELS = {
    "bluesky": "Bluesky",
    "diaspora": "Diaspora*",
    "facebook": "Facebook",
    "fediverse": "Fediverse",
    "funkwhale": "Funkwhale",
    "github": "GitHub",
    "gitlab": "GitLab",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "mobilizon": "Mobilizon",
    "peertube": "PeerTube",
    "pixelfed": "Pixelfed",
    "twitter": "Twitter",
    "matrix": "Matrix",
    "irc": "IRC",
    "xmpp": "XMPP",
}


def network_key(label):
    """A link label as a ChatonsInfos key suffix: "Notre forge" → "notre-forge"."""
    return slugify(label) or "lien"


def network_label(key):
    return NETWORK_LABELS.get(key.lower(), key.replace("-", " ").replace("_", " ").capitalize())
