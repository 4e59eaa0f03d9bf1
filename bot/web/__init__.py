"""The chat window a municipality embeds on its site, served by the assistant itself."""
