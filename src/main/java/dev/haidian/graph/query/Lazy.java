package dev.haidian.graph.query;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value of an answer that is worked out only if the query selects it, at most once: the GraphQL default
 * fetcher ({@link GraphQlWiring}) unwraps it. For extras such as the Browser reproduction of every link, which
 * cost more Java time than the rest of a page of links when nobody asked for them.
 */
public final class Lazy<T> implements Supplier<T> {

	private Supplier<T> supplier;

	private volatile T value;

	private Lazy(Supplier<T> supplier) {
		this.supplier = supplier;
	}

	public static <T> Lazy<T> of(Supplier<T> supplier) {
		return new Lazy<>(supplier);
	}

	@Override
	public T get() {
		T result = this.value;
		if (result == null) {
			synchronized (this) {
				result = this.value;
				if (result == null) {
					result = this.supplier.get();
					this.value = result;
					this.supplier = null;
				}
			}
		}
		return result;
	}

	/** A lazy value derived from this one (computing either computes this one once). */
	public <R> Lazy<R> map(Function<? super T, ? extends R> function) {
		return new Lazy<>(() -> function.apply(get()));
	}

}
