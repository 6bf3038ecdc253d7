"""The domain core: plain Python that knows nothing of Flask."""
