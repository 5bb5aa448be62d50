"""Configuration of the Emancip'Asso hub (the design card's `site/`, renamed: see README)."""
