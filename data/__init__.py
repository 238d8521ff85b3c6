"""The project's curated data (registry.yaml, documents/), shipped as package data `medgraph.data`
so that `medgraph load` finds it from any install (medgraph.loaders.load.DEFAULT_DATA)."""
