"""Loading, training and running the assistant as one process."""
