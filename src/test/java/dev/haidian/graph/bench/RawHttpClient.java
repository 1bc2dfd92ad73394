package dev.haidian.graph.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 client on one keep-alive connection (one per benchmark client thread): writes a
 * POST, reads the status line, the headers and a Content-Length or chunked body. The JDK's {@code HttpClient}
 * hands every exchange between its selector thread and the caller, which on two cores costs more than the
 * service does for a small answer; wrk, ab and k6 are lean in the same way. What this measures is the service.
 */
final class RawHttpClient implements AutoCloseable {

	/** A status code and a body. */
	record Response(int status, String body) {
	}

	private final int port;

	private final String host;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	RawHttpClient(int port) throws IOException {
		this.port = port;
		this.host = "127.0.0.1:" + port;
		connect();
	}

	/** (Re)connects: Tomcat closes a keep-alive connection after max-keep-alive-requests (100) exchanges. */
	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(new InetSocketAddress("127.0.0.1", this.port));
		this.in = new BufferedInputStream(this.socket.getInputStream(), 64 * 1024);
		this.out = this.socket.getOutputStream();
	}

	/** POSTs {@code body} (JSON) to {@code path}, with the given extra header lines (each ending in CRLF). */
	Response post(String path, byte[] body, String extraHeaders) throws IOException {
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + extraHeaders
				+ "Content-Length: " + body.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, request, 0, headBytes.length);
		System.arraycopy(body, 0, request, headBytes.length, body.length);
		if (this.socket.isClosed()) {
			connect();
		}
		this.out.write(request);
		this.out.flush();
		return read();
	}

	private Response read() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		int length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
					size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
				body.write(this.in.readNBytes(size));
				line();
			}
			for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
				// trailers: none expected
			}
		}
		else if (length >= 0) {
			body.write(this.in.readNBytes(length));
		}
		if (close) {
			this.socket.close();
		}
		return new Response(code, body.toString(StandardCharsets.UTF_8));
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
			if (c < 0) {
				throw new IOException("connection closed by the server");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
