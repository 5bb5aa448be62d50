"""The demo catalogue (demo/catalogue.json): real uses, real services, real free alternatives.

Hosts named there are structures that actually run the software as a service (Framasoft,
members of the CHATONS collective, cooperatives); the lists are examples, not an endorsement.
"""

from home import demo_loader


def load(stdout):
    counts = [len(entries) for entries in demo_loader.load("catalogue")["snippets"].values()]
    stdout.write(
        "Catalogue : {} catégories, {} services, {} alternatives, page /alternatives/.".format(
            *counts
        )
    )
