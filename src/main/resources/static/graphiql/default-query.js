// The queries GraphiQL opens with. Pick one with the play button's menu; more examples are in the README.
window.DEFAULT_QUERY = `# Haidian AI knowledge graph. Every relation carries its evidence: source + verbatim quote.

# Which firms sit within 1.5 km of Tsinghua, nearest first?
query FirmsNearTsinghua {
  firmsNear(place: "清华大学", withinKm: 1.5) {
    totalCount
    edges { distanceKm node { name nameZh } via { name nameZh } }
    browserUrl
  }
}

# What links Beijing and Hangzhou?
query BeijingHangzhou {
  cityLinks(cityA: "北京", cityB: "杭州") {
    entity { name nameZh type }
    summary
    paths { relations { type node { nameZh } evidence { quote source { title } } } }
  }
}

# How does Zhejiang University connect to Haidian?
query ZjuToHaidian {
  paths(from: "浙江大学", to: "海淀区", maxHops: 4) {
    length
    nodes { nameZh }
    relations { type direction evidence { quote } }
  }
}

# Any name or alias, Chinese or English
query Moonshot {
  entity(name: "月之暗面") {
    id name nameZh aliases type
    relations(first: 10) { type direction node { name } evidence { quote } }
  }
}
`;
