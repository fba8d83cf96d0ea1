"""The model-based extractor: features, tag layers, the network, training data and decoding."""
