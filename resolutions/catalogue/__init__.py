"""The UN Digital Library catalogue: records, votes, language versions, links and UNBIS subjects."""
