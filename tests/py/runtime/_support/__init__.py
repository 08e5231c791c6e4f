# Helper package for tests in runtime/; not a test itself (the runner skips
# directories whose names start with "_").
