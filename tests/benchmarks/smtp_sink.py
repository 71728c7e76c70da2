"""
A lean SMTP sink for the newsletter bench: it answers each command and takes each message's
bytes without parsing them, so that its own CPU per message is small beside the sender's. It
offers PIPELINING and SIZE, as Postfix does.

One process per connection, as Postfix runs one smtpd per client: workers sending side by side
are not queued behind one Python process. Each connection's child appends the number of messages
it took to COUNT_FILE when its client leaves; the parent's CPU with its reaped children
(/proc utime, stime, cutime, cstime) is the sink's CPU.

`python -m tests.benchmarks.smtp_sink PORT COUNT_FILE`
"""

import socketserver
import sys

TERMINATOR = b"\r\n.\r\n"


class Session(socketserver.BaseRequestHandler):
    def handle(self):
        connection, messages = self.request, 0
        connection.sendall(b"220 sink ESMTP\r\n")
        buffer, in_data, searched = b"", False, 0
        try:
            while chunk := connection.recv(1 << 16):
                buffer += chunk
                replies = []
                while True:
                    if in_data:
                        end = buffer.find(TERMINATOR, searched)
                        if end < 0:
                            searched = max(0, len(buffer) - len(TERMINATOR))
                            break
                        buffer, in_data, searched = buffer[end + len(TERMINATOR) :], False, 0
                        messages += 1
                        replies.append(b"250 OK queued\r\n")
                        continue
                    end = buffer.find(b"\r\n")
                    if end < 0:
                        break
                    verb, buffer = buffer[:4].upper(), buffer[end + 2 :]
                    if verb == b"DATA":
                        in_data = True
                        # The body may begin right after DATA: its terminator then follows CRLF.
                        buffer = b"\r\n" + buffer
                        replies.append(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    elif verb == b"QUIT":
                        connection.sendall(b"".join(replies) + b"221 Bye\r\n")
                        return
                    elif verb in {b"EHLO", b"HELO"}:
                        replies.append(b"250-sink\r\n250-PIPELINING\r\n250 SIZE 52428800\r\n")
                    else:  # MAIL, RCPT, RSET, NOOP
                        replies.append(b"250 OK\r\n")
                if replies:
                    connection.sendall(b"".join(replies))
        finally:
            with open(self.server.count_file, "a") as file:
                file.write(f"{messages}\n")


class Server(socketserver.ForkingTCPServer):
    allow_reuse_address = True
    max_children = 256


def main(port, count_file):
    with Server(("127.0.0.1", int(port)), Session) as server:
        server.count_file = count_file
        print("ready", flush=True)
        server.serve_forever(poll_interval=0.05)


if __name__ == "__main__":
    main(*sys.argv[1:])
