# Imported by runtime/imports_modules.py to check that an exception during
# import propagates with a traceback through the importer and leaves no
# half-initialised module in sys.modules.
VALUE = 1
raise ImportError("broken on purpose")
