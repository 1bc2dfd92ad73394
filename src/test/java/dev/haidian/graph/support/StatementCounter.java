package dev.haidian.graph.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

import dev.haidian.graph.query.CypherRunner;

/**
 * Counts the Cypher statements the application sends, so tests can assert how many round trips a GraphQL
 * request costs. Wraps the driver bean, where every {@code run} on a session or transaction counts one, and the
 * {@link CypherRunner} bean (the embedded Neo4j's in-process path), where every {@code run} counts one.
 */
@TestComponent
public class StatementCounter implements BeanPostProcessor {

	private final AtomicLong statements = new AtomicLong();

	private volatile Object[] last;

	public long count() {
		return this.statements.get();
	}

	/**
	 * The text and parameters of the last statement sent (elements 0 and 1), for replaying it straight through
	 * the driver.
	 */
	public Object[] last() {
		return this.last;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof CypherRunner runner) {
			return proxy(CypherRunner.class, runner);
		}
		return (bean instanceof Driver driver) ? proxy(Driver.class, driver) : bean;
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("run")) {
				this.statements.incrementAndGet();
				this.last = args;
			}
			Object[] wrapped = wrapCallbacks(args);
			Object result = invoke(method, target, wrapped);
			return wrap(method, result);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private Object[] wrapCallbacks(Object[] args) {
		if (args == null) {
			return null;
		}
		Object[] wrapped = args.clone();
		for (int i = 0; i < wrapped.length; i++) {
			if (wrapped[i] instanceof TransactionCallback<?> callback) {
				wrapped[i] = (TransactionCallback<Object>) tx -> callback.execute(proxy(TransactionContext.class, tx));
			}
		}
		return wrapped;
	}

	private Object wrap(Method method, Object result) {
		if (result instanceof Session session && method.getReturnType() == Session.class) {
			return proxy(Session.class, session);
		}
		if (result instanceof Transaction tx && method.getReturnType() == Transaction.class) {
			return proxy(Transaction.class, tx);
		}
		return result;
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
