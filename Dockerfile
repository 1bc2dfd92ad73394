# Image of the service for docker-compose; it connects to the Neo4j given by NEO4J_URI.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/target/haidian-ai-graph-*.jar app.jar
COPY seed seed
COPY cypher cypher
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
