"""The themes shipped inside the package (``lkjip_site.themes``). A site overrides them file by file with its own
``themes/<tema>/`` folder; a site folder needs no ``__init__.py`` there."""
