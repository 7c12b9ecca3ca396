"""Pure functions from the model to HTML strings. Every data string is escaped; nothing here opens
a file."""
