import io.streamz.*;
import io.streamz.Stream;
import io.streamz.dataframe.*;
import java.time.*;
System.out.println("streamz shell: io.streamz.* (Stream is io.streamz.Stream), io.streamz.dataframe.*, java.util.* and java.time.* are imported; /exit quits.");
System.out.println("Try: Stream<Integer> s = Stream.create(); s.map(x -> x + 1).sink(System.out::println); s.emit(1)");
