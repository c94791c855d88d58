from factcheck.cli import main

# Guarded: worker processes started by spawn (a local Dask cluster) import this module.
if __name__ == "__main__":
    main()
