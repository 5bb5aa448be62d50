"""Demo diagnostic (demo/diagnostic.json): the "Passer au libre" page and its editors' texts."""

from home import demo_loader


def load(stdout):
    demo_loader.load("diagnostic")
    stdout.write("Diagnostic : /passer-au-libre/ (essayez-le avec quelques outils cochés).")
