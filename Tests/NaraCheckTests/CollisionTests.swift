import NaraCheck
import Testing
