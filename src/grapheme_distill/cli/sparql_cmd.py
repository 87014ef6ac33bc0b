"""``grapheme-distill sparql``: the twin of :func:`grapheme_distill.export.sparql.sparql_query`."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from grapheme_distill.cli._common import (
    console,
    echo_json,
    open_existing_store,
    store_option,
)

__all__ = ["sparql_cli"]


@click.command("sparql")
@click.argument("query")
@store_option
@click.option(
    "--engine",
    type=click.Choice(["auto", "oxigraph", "rdflib"]),
    default="auto",
    show_default=True,
    help="SPARQL engine (auto: Oxigraph when installed, else rdflib).",
)
@click.option(
    "--base-iri",
    default=None,
    metavar="IRI",
    help="Base IRI of the RDF mapping (as in `export --base-iri`).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
def sparql_cli(
    query: str, store_path: Path, engine: str, base_iri: str | None, as_json: bool
) -> None:
    """Answer a SPARQL QUERY (text, or a .rq file) over the store mapped to RDF.

    Prefixes gd: ent: rel: attr: item: call: rdf: rdfs: skos: dcterms: xsd: are predeclared, e.g.

      grapheme-distill sparql 'SELECT ?o WHERE { ?s rdfs:label "Paris" ; rel:capital_of ?c .
      ?c rdfs:label ?o }' --store distill.db
    """
    from grapheme_distill.export.rdf import DEFAULT_BASE_IRI
    from grapheme_distill.export.sparql import sparql_query

    if query.endswith(".rq") and Path(query).is_file():
        query = Path(query).read_text(encoding="utf-8")
    store = open_existing_store(store_path)
    try:
        result = sparql_query(store, query, base_iri=base_iri or DEFAULT_BASE_IRI, engine=engine)  # type: ignore[arg-type]
    finally:
        store.close()
    if as_json:
        echo_json(result.model_dump())
        return
    out = console()
    if result.kind == "ask":
        out.print("yes" if result.boolean else "no")
        return
    table = Table(show_lines=False)
    if result.kind == "graph":
        for col in ("subject", "predicate", "object"):
            table.add_column(col)
        for triple in result.triples:
            table.add_row(*(escape(t) for t in triple))
    else:
        for name in result.variables:
            table.add_column(escape(name))
        for row in result.rows:
            table.add_row(
                *("" if row[n] is None else escape(str(row[n])) for n in result.variables)
            )
    out.print(table)
    count = len(result.triples) if result.kind == "graph" else len(result.rows)
    out.print(f"{count:,} {'triples' if result.kind == 'graph' else 'rows'} ({result.engine})")
