// The query GraphiQL opens with. Example queries for the knowledge graph live in the README.
window.DEFAULT_QUERY = `# Welcome to the Haidian AI knowledge graph.
# Press the play button (or Ctrl-Enter) to run.

{
  neo4jVersion
  stats {
    nodes
    relationships
    labels { label count }
  }
}
`;
