package vn.hoadon;

import com.sun.jna.Pointer;
import java.util.function.Consumer;

/** A library handle, freed once by close() (try-with-resources); using it afterwards throws. */
abstract class Handle implements AutoCloseable {
  private Pointer handle;
  private final Consumer<Pointer> free;

  Handle(Pointer handle, Consumer<Pointer> free) {
    this.handle = handle;
    this.free = free;
  }

  Pointer handle() {
    if (handle == null) throw new IllegalStateException(getClass().getSimpleName() + " is closed");
    return handle;
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      free.accept(handle);
      handle = null;
    }
  }
}
