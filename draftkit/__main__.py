from draftkit.cli.app import main

main()
